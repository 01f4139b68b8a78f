package dev.paydeck.dashboard.web;

import dev.paydeck.payments.PaymentDay;
import dev.paydeck.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard's revenue chart: the net revenue of each day of a period in one currency (the organization's own
 * when it has payments in it, else the one with the most payments), as the page renders it — a table of the days for
 * those who do not see the chart, and the same data as JSON for Chart.js. Amounts in the JSON are in major units, for
 * drawing only; every amount a person reads is formatted from {@link Money}.
 */
@Component
class RevenueChart {

    /** One day of the chart. */
    record Point(LocalDate day, String label, Money net) {
    }

    /**
     * @param currencies how many currencies the period had payments in (the chart shows one)
     * @param json       what {@code revenue-chart.js} draws
     */
    record Chart(String currency, List<Point> points, Money total, Point best, int currencies, String json) {
    }

    private final JsonMapper json;

    RevenueChart(JsonMapper json) {
        this.json = json;
    }

    /** The chart of the days from {@code first} to {@code last}; null when no payment received money then. */
    Chart of(List<PaymentDay> days, LocalDate first, LocalDate last, String organizationCurrency) {
        Map<String, Long> received = new LinkedHashMap<>();
        days.stream().filter(day -> day.count() > 0).forEach(day ->
                received.merge(day.gross().currency().getCurrencyCode(), day.count(), Long::sum));
        if (received.isEmpty()) {
            return null;
        }
        String currency = received.containsKey(organizationCurrency) ? organizationCurrency
                : received.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<LocalDate, Money> net = new LinkedHashMap<>();
        days.stream().filter(day -> day.gross().currency().getCurrencyCode().equals(currency))
                .forEach(day -> net.merge(day.day(), day.net(), Money::plus));
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter labels = DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "MMM d" : "d MMM",
                locale);
        Money zero = Money.of(0, currency);
        List<Point> points = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            points.add(new Point(day, labels.format(day), net.getOrDefault(day, zero)));
        }
        Money total = points.stream().map(Point::net).reduce(zero, Money::plus);
        Point best = points.stream().max(Comparator.comparingLong(point -> point.net().minor())).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("currency", currency);
        data.put("locale", locale.toLanguageTag());
        data.put("labels", points.stream().map(Point::label).toList());
        data.put("values", points.stream().map(point -> point.net().major()).toList());
        return new Chart(currency, points, total, best, received.size(), Objects.requireNonNull(
                json.writeValueAsString(data)));
    }
}
