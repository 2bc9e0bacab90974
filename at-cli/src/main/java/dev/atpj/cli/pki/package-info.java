/** {@code atp pki}: the home folder's private CA and the server certificates it issues. */
package dev.atpj.cli.pki;
