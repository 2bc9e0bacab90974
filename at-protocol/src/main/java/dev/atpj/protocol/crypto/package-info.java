/**
 * The cryptography the atPlatform's clients agree on (docs/protocol.md C6, C7, C11): RSA-2048 key
 * pairs in base64 DER, SHA256withRSA signatures, RSA PKCS#1 v1.5 key wrapping, and AES-256 in CTR
 * mode with PKCS#7 padding (zero IV, or an {@code ivNonce}).
 */
package dev.atpj.protocol.crypto;
