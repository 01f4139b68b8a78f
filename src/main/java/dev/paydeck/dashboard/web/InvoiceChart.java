package dev.paydeck.dashboard.web;

import dev.paydeck.billing.InvoiceStatistics;
import dev.paydeck.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard's invoices chart: how much of the last 30 days' invoices is open, overdue, paid and uncollectible, in
 * one currency (the organization's own when it invoiced in it, else the first), as the page renders it — a list for
 * those who do not see the chart, and the same data as JSON for Chart.js (amounts in major units, for drawing only).
 */
@Component
class InvoiceChart {

    /** One bar: a group ({@code open}, {@code overdue}, {@code paid}, {@code uncollectible}), its count and amount. */
    record Bar(String group, long count, Money amount) {
    }

    /** @param json what {@code invoice-chart.js} draws, labels in the page's language */
    record Chart(String currency, List<Bar> bars, int currencies, String json) {
    }

    private final JsonMapper json;
    private final MessageSource messages;

    InvoiceChart(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** The chart of the statistics; null when there was no invoice in the period. */
    Chart of(InvoiceStatistics statistics, String organizationCurrency) {
        if (statistics.currencies().isEmpty()) {
            return null;
        }
        InvoiceStatistics.InCurrency shown = statistics.currencies().stream()
                .filter(c -> c.currency().equalsIgnoreCase(organizationCurrency)).findFirst()
                .orElse(statistics.currencies().getFirst());
        List<Bar> bars = List.of(new Bar("open", shown.open().count(), shown.open().amount()),
                new Bar("overdue", shown.overdue().count(), shown.overdue().amount()),
                new Bar("paid", shown.paid().count(), shown.paid().amount()),
                new Bar("uncollectible", shown.uncollectible().count(), shown.uncollectible().amount()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("currency", shown.currency().toUpperCase(java.util.Locale.ROOT));
        java.util.Locale locale = LocaleContextHolder.getLocale();
        data.put("locale", locale.toLanguageTag());
        data.put("labels", bars.stream().map(bar -> messages.getMessage("invoices.status." + bar.group(), null,
                locale)).toList());
        data.put("values", bars.stream().map(bar -> bar.amount().major()).toList());
        return new Chart(shown.currency().toUpperCase(java.util.Locale.ROOT), bars, statistics.currencies().size(),
                Objects.requireNonNull(json.writeValueAsString(data)));
    }
}
