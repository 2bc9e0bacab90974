/** Onboarding: turning a CRAM secret into PKAM keys and an atKeys file (PROTOCOL.md C5). */
package dev.atpj.client.onboarding;
