package dev.paydeck.platform.web;

import dev.paydeck.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Amounts and times in the page's language, for templates ({@code ${@formats.money(payment.amount())}}):
 * {@code $12.50} and {@code 12,50 €}; {@code Dec 4, 2026, 8:15:02 PM} and {@code 4 déc. 2026, 20:15:02}.
 */
@Component("formats")
public class Formats {

    public String money(Money amount) {
        return amount == null ? "" : amount.format(locale());
    }

    /** With its time zone ({@code Dec 4, 2026, 8:15:02 PM UTC}): a time without one is ambiguous to the reader. */
    public String dateTime(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        var zoned = time.atZoneSameInstant(ZoneId.systemDefault());
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale()).format(zoned) + " "
                + DateTimeFormatter.ofPattern("zzz", locale()).format(zoned);
    }

    /** The time zone times are shown in ({@code UTC}, {@code Europe/Madrid}). */
    public String zone() {
        ZoneId zone = ZoneId.systemDefault().normalized();
        return zone.getId().equals("Z") || zone.getId().equals("Etc/UTC") ? "UTC" : zone.getId();
    }

    public String date(OffsetDateTime time) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .format(time.atZoneSameInstant(ZoneId.systemDefault()));
    }

    private static Locale locale() {
        return Languages.supported(LocaleContextHolder.getLocale()).orElse(Languages.DEFAULT);
    }
}
