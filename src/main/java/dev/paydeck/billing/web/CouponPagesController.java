package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.billing.Coupon;
import dev.paydeck.billing.CouponDraft;
import dev.paydeck.billing.CouponId;
import dev.paydeck.billing.CouponStatus;
import dev.paydeck.billing.Coupons;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organization's coupons, in the catalog's pages: the list (valid and used-up ones, or deleted ones), the
 * new-coupon form with its errors at the field, and a delete button. Viewers see no write buttons, and are refused
 * (403) if they post anyway.
 */
@Controller
class CouponPagesController {

    static final int PAGE_SIZE = 25;
    static final List<String> DURATIONS = List.of("once", "repeating", "forever");

    private final Coupons coupons;
    private final Callers callers;
    private final Clock clock;

    CouponPagesController(Coupons coupons, Callers callers, Clock clock) {
        this.coupons = coupons;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping("/app/organizations/{id}/products/coupons")
    String list(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String after, Model model) {
        Caller caller = caller(id);
        boolean deleted = "deleted".equals(status);
        CouponId startingAfter = after == null ? null : new CouponId(parse(after));
        List<Coupon> found = coupons.list(caller.organization(), deleted ? Set.of(CouponStatus.DELETED) : Set.of(),
                PAGE_SIZE + 1, startingAfter);
        boolean more = found.size() > PAGE_SIZE;
        List<Coupon> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("deleted", deleted);
        model.addAttribute("coupons", shown);
        model.addAttribute("next", more ? shown.getLast().id().toString() : null);
        model.addAttribute("paged", startingAfter != null);
        return "products/coupons";
    }

    @GetMapping("/app/organizations/{id}/products/coupons/new")
    String newCoupon(@PathVariable String id, Model model) {
        Caller caller = caller(id).requireWrite();
        model.addAttribute("couponForm", CouponForm.empty());
        return form(caller, model);
    }

    @PostMapping("/app/organizations/{id}/products/coupons/new")
    String create(@PathVariable String id, @ModelAttribute("couponForm") CouponForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Optional<CouponDraft> draft = draft(form, errors);
        if (draft.isEmpty()) {
            return form(caller, model);
        }
        try {
            coupons.create(caller.organization(), draft.get(), caller.actor(),
                    blank(form.idempotencyKey()) ? null : form.idempotencyKey());
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
            return form(caller, model);
        }
        redirect.addFlashAttribute("saved", "created");
        return "redirect:/app/organizations/" + caller.organization() + "/products/coupons";
    }

    @PostMapping("/app/organizations/{id}/products/coupons/{coupon}/delete")
    String delete(@PathVariable String id, @PathVariable String coupon, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        try {
            if (!coupons.delete(caller.organization(), new CouponId(parse(coupon)), caller.actor())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("saved", "deleted");
        } catch (StripeFailure failure) {
            redirect.addFlashAttribute("stripeProblem", problem(failure));
            redirect.addFlashAttribute("stripeMessage", failure.stripeMessage());
        }
        return "redirect:/app/organizations/" + caller.organization() + "/products/coupons";
    }

    /** The coupon the form asks for, or errors at its fields. */
    private Optional<CouponDraft> draft(CouponForm form, BindingResult errors) {
        if (form.name() != null && form.name().strip().length() > 40) {
            errors.rejectValue("name", "coupons.name.too-long");
        }
        BigDecimal percent = null;
        Money amount = null;
        if ("amount".equals(form.kind())) {
            Optional<java.util.Currency> currency = form.currency() == null ? Optional.empty()
                    : Money.currency(form.currency().strip());
            if (currency.isEmpty()) {
                errors.rejectValue("currency", "products.currency.invalid");
            } else {
                amount = Money.parse(form.amountOff(), currency.get())
                        .filter(m -> m.minor() > 0 && m.minor() <= Money.MAXIMUM_MINOR).orElse(null);
                if (amount == null) {
                    errors.rejectValue("amountOff", "coupons.amount-off.invalid");
                }
            }
        } else if ("percent".equals(form.kind())) {
            percent = percent(form.percentOff());
            if (percent == null) {
                errors.rejectValue("percentOff", "coupons.percent-off.invalid");
            }
        } else {
            errors.rejectValue("kind", "coupons.kind.invalid");
        }
        Coupon.Duration duration = DURATIONS.contains(form.duration())
                ? dev.paydeck.shared.mirror.StripeCodes.of(Coupon.Duration.class, form.duration()) : null;
        if (duration == null) {
            errors.rejectValue("duration", "coupons.duration.invalid");
        }
        Integer months = null;
        if (duration == Coupon.Duration.REPEATING) {
            Long typed = whole(form.durationInMonths());
            if (typed == null || typed < 1 || typed > 1200) {
                errors.rejectValue("durationInMonths", "coupons.months.invalid");
            } else {
                months = typed.intValue();
            }
        }
        Long maxRedemptions = null;
        if (!blank(form.maxRedemptions())) {
            maxRedemptions = whole(form.maxRedemptions());
            if (maxRedemptions == null || maxRedemptions < 1 || maxRedemptions > Integer.MAX_VALUE) {
                errors.rejectValue("maxRedemptions", "coupons.max-redemptions.invalid");
            }
        }
        Instant redeemBy = null;
        if (!blank(form.redeemBy())) {
            try {
                // Redeemable through the whole of the day chosen, in the time zone the pages show.
                redeemBy = LocalDate.parse(form.redeemBy().strip()).plusDays(1).atStartOfDay(ZoneId.systemDefault())
                        .toInstant().minusSeconds(1);
                if (!redeemBy.isAfter(clock.instant())) {
                    errors.rejectValue("redeemBy", "coupons.redeem-by.past");
                }
            } catch (DateTimeParseException e) {
                errors.rejectValue("redeemBy", "coupons.redeem-by.invalid");
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new CouponDraft(blank(form.name()) ? null : form.name().strip(), percent, amount, duration,
                months, maxRedemptions, redeemBy, null));
    }

    /** A percentage as people type it (either decimal mark): more than 0, at most 100, two decimals; else null. */
    static BigDecimal percent(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{1,3}([.,][0-9]{1,2})?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(typed.strip().replace(',', '.')).stripTrailingZeros();
        value = value.scale() < 0 ? value.setScale(0) : value;
        return value.signum() > 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0 ? value : null;
    }

    private static Long whole(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{1,10}")) {
            return null;
        }
        return Long.parseLong(typed.strip());
    }

    private String form(Caller caller, Model model) {
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("durations", DURATIONS);
        model.addAttribute("currencies", PriceFields.CURRENCIES);
        return "products/coupon-form";
    }

    static String problem(StripeFailure failure) {
        return switch (failure.kind()) {
            case CREDENTIALS -> "credentials";
            case UNAVAILABLE -> "unreachable";
            default -> "refused";
        };
    }

    private Caller caller(String id) {
        return callers.in(OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
