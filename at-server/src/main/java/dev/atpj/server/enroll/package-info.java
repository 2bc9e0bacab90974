/**
 * APKAM (docs/protocol.md B15): enrollments of an atSign's apps and devices, each with its own PKAM
 * key pair; the one-time passwords that let a new device ask; and the {@code enroll}, {@code otp}
 * and {@code keys} verbs.
 */
package dev.atpj.server.enroll;
