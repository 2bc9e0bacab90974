/** {@code atp directory}: serve an atDirectory and edit its registry file. */
package dev.atpj.cli.directory;
