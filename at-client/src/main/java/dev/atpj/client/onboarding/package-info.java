/** Onboarding: turning a CRAM secret into PKAM keys and an atKeys file (docs/protocol.md C5). */
package dev.atpj.client.onboarding;
