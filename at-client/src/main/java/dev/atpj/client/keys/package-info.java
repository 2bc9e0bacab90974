/** An atSign's key material and the official atKeys file format (docs/protocol.md C6). */
package dev.atpj.client.keys;
