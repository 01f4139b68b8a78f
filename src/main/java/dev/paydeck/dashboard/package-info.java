/**
 * The signed-in person's first pages: the first run (a new person's first organization) and each organization's
 * dashboard, drawn from the other modules' public services (organizations, payments, the demo).
 */
package dev.paydeck.dashboard;
