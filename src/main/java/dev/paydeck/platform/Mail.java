package dev.paydeck.platform;

/**
 * Sends mail: through the SMTP server of {@code spring.mail.*} when one is configured, otherwise into the outbox that
 * {@code /app/outbox} shows. Every mail is kept in the outbox table either way, with its status.
 * <p>
 * Call it from a listener of a module event ({@code @ApplicationModuleListener}), so the mail goes out only once what
 * it tells about has committed. A message is sent once per {@link MailMessage#key()}, however often it is handed
 * over (an event delivered again sends nothing new). Nothing is sent on the caller's thread: SMTP delivery happens
 * after commit in the background, and failed deliveries are retried until they succeed.
 */
public interface Mail {

    void send(MailMessage message);
}
