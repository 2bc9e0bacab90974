/**
 * The client commands of {@code atp}: {@code onboard}, {@code keys}, {@code get}, {@code put},
 * {@code delete}, {@code scan}, {@code notify}, {@code monitor}, {@code sync}, {@code raw} and
 * {@code repl}, all on the SDK's {@link dev.atpj.client.AtClient}. Every command finds its platform
 * through {@link dev.atpj.cli.client.TargetOptions}: the {@code platform.json} of a running {@code
 * atp up}, or {@code --root}, {@code --keys} and {@code --ca}.
 */
package dev.atpj.cli.client;
