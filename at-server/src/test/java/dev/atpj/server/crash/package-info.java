/** A child-JVM atServer main for crash tests. */
package dev.atpj.server.crash;
