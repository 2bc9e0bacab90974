/**
 * Copies of other atSigns' keys ({@code cached:public:…}, {@code cached:@me:…}) kept as their
 * owners' ttr allows, and the job that refreshes them (docs/protocol.md B8).
 */
package dev.atpj.server.cache;
