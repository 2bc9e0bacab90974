/**
 * The owner's data as the atServer keeps it: which keys exist by convention ({@link
 * dev.atpj.server.data.ReservedKeys}), who may write or delete what ({@link
 * dev.atpj.server.data.KeyPolicy}), the metadata the server maintains ({@link
 * dev.atpj.server.data.MetadataRules}), ordered durable writes ({@link
 * dev.atpj.server.data.KeyWriter}) and the hook that later features (auto-notify) attach to ({@link
 * dev.atpj.server.data.KeyChangeListener}).
 */
package dev.atpj.server.data;
