/** JMH micro-benchmarks of the hot paths: parsing, rendering, storage reads and writes. */
package dev.atpj.bench.jmh;
