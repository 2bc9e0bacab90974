/**
 * Keys and their metadata: the names data is stored under ({@link dev.atpj.protocol.key.AtKey}),
 * what is known about each value ({@link dev.atpj.protocol.key.Metadata}), the metadata options of
 * {@code update}/{@code notify} lines ({@link dev.atpj.protocol.key.MetadataOptions}) and the JSON
 * shapes of lookups ({@link dev.atpj.protocol.key.MetadataJson}, {@link
 * dev.atpj.protocol.key.AtData}).
 */
package dev.atpj.protocol.key;
