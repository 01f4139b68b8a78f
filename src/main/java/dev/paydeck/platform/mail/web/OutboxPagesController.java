package dev.paydeck.platform.mail.web;

import dev.paydeck.platform.MailReaders;
import dev.paydeck.platform.MailReaders.MailReader;
import dev.paydeck.platform.mail.Outbox;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

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
        model.addAttribute("mail", outbox.open(reader(authentication), id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "platform/outbox-mail";
    }

    private MailReader reader(Authentication authentication) {
        return readers.reader(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
