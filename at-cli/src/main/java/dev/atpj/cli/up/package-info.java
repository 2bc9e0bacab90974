/**
 * {@code atp up}: the private atPlatform (an atDirectory and one atServer per atSign in one JVM),
 * what it keeps under its home folder, its onboarding and its {@code platform.json}.
 */
package dev.atpj.cli.up;
