/**
 * A private certificate authority and per-server TLS certificates: creating and loading the CA,
 * issuing server certificates with IP or DNS subject alternative names, PEM files, and a
 * get-or-create {@link dev.atpj.pki.PkiStore} for a home folder. BouncyCastle builds and parses the
 * ASN.1; keys and signatures come from the JDK's own providers, so no security provider is ever
 * registered globally.
 */
package dev.atpj.pki;
