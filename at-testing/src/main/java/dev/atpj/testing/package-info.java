/**
 * Test support for wire and integration tests (test scope only; no main code depends on it): a
 * generated test PKI ({@link dev.atpj.testing.TestPki}, shareable per test class through {@link
 * dev.atpj.testing.TestPkiExtension}), a raw TLS line client that speaks the atProtocol prompt
 * framing ({@link dev.atpj.testing.WireClient}), and bounded polling ({@link
 * dev.atpj.testing.Await}). Every wait has a named, bounded timeout.
 */
package dev.atpj.testing;
