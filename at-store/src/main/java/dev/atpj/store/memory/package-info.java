/** An in-memory {@link dev.atpj.store.AtStore} with the same semantics as the persistent one. */
package dev.atpj.store.memory;
