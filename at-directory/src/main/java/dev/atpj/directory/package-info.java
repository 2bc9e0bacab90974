/**
 * The atDirectory: answers {@code <host>:<port>} (or {@code null}) for an atSign, from a local
 * registry and, in a split-horizon set-up, from an upstream directory (whitepaper "atDirectory";
 * docs/protocol.md B4, C2, Part A §7).
 */
package dev.atpj.directory;
