/** Client internals; not API. */
package dev.atpj.client.internal;
