/**
 * The atProtocol vocabulary: atSigns, keys, metadata, typed commands, the line parser, the reply
 * renderer and the protocol's error codes. Nothing here does I/O, starts threads or reads the
 * environment, so client and server share it.
 */
package dev.atpj.protocol;
