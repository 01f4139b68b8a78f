package dev.paydeck.dashboard.web;

import dev.paydeck.accounts.Callers;
import dev.paydeck.billing.Invoices;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Duration;
import java.time.Instant;

/**
 * The dashboard's invoices chart ({@code invoiceChart}): the last 30 days' invoices by status, for the organization
 * the dashboard shows, to the people who may see it. Kept beside {@link DashboardPagesController} rather than in it,
 * so that each of the dashboard's sections comes from its own small class.
 */
@ControllerAdvice(assignableTypes = DashboardPagesController.class)
class DashboardInvoices {

    private final Invoices invoices;
    private final Organizations organizations;
    private final Callers callers;
    private final InvoiceChart charts;

    DashboardInvoices(Invoices invoices, Organizations organizations, Callers callers, InvoiceChart charts) {
        this.invoices = invoices;
        this.organizations = organizations;
        this.callers = callers;
        this.charts = charts;
    }

    @ModelAttribute("invoiceChart")
    InvoiceChart.Chart invoiceChart(@PathVariable(name = "id", required = false) String id) {
        OrganizationId organization = id == null ? null : OrganizationId.parse(id).orElse(null);
        if (organization == null) {
            return null;
        }
        OrganizationId shown = callers.in(organization).organization();
        Instant now = invoices.now();
        String currency = organizations.find(shown).map(found -> found.defaultCurrency()).orElse("usd");
        return charts.of(invoices.statistics(shown, now.minus(Duration.ofDays(30)), now.plusSeconds(1)), currency);
    }
}
