package dev.paydeck.platform.mail.web;

import dev.paydeck.platform.MailReaders;
import dev.paydeck.platform.MailReaders.MailReader;
import dev.paydeck.platform.mail.Outbox;
import dev.paydeck.platform.MailAttachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The outbox: the mails Paydeck sent or keeps (all of them when no SMTP server is configured). */
@Controller
class OutboxPagesController {

    private final Outbox outbox;
    private final MailReaders readers;

    OutboxPagesController(Outbox outbox, MailReaders readers) {
        this.outbox = outbox;
        this.readers = readers;
    }

    @GetMapping("/app/outbox")
    String list(Authentication authentication, Model model) {
        MailReader reader = reader(authentication);
        model.addAttribute("mails", outbox.recent(reader));
        model.addAttribute("staff", reader.staff());
        model.addAttribute("sending", outbox.sending());
        return "platform/outbox";
    }

    @GetMapping("/app/outbox/{id}")
    String mail(Authentication authentication, @PathVariable UUID id, Model model) {
        MailReader reader = reader(authentication);
        model.addAttribute("mail", outbox.open(reader, id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("attachments", outbox.attachments(reader, id));
        return "platform/outbox-mail";
    }

    @GetMapping("/app/outbox/{id}/attachments/{position}")
    ResponseEntity<byte[]> attachment(Authentication authentication, @PathVariable UUID id,
            @PathVariable int position) {
        List<MailAttachment> attachments = outbox.attachments(reader(authentication), id);
        if (position < 0 || position >= attachments.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        MailAttachment attachment = attachments.get(position);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .body(attachment.content());
    }

    private MailReader reader(Authentication authentication) {
        return readers.reader(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
