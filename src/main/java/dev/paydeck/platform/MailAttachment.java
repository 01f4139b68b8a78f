package dev.paydeck.platform;

import java.util.Objects;

/** A file sent with a mail (an invoice's PDF): its name as the reader sees it, its media type and its bytes. */
public record MailAttachment(String filename, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }
}
