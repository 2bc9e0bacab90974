/**
 * Internals shared by the store implementations: binary codecs, key ordering, the sync paging
 * algorithm and error mapping. Not API: may change without notice.
 */
package dev.atpj.store.internal;
