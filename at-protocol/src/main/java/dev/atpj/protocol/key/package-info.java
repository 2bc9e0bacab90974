/** Keys and their metadata: the names data is stored under and what is known about each value. */
package dev.atpj.protocol.key;
