package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.param.EventListParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductListParams;
import com.stripe.param.ProductSearchParams;
import com.stripe.param.ProductUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxProductsIntegrationTests extends SandboxTest {

    @Test
    void createsRetrievesUpdatesAndDeletesAProduct() throws Exception {
        Product created = stripe.v1().products().create(ProductCreateParams.builder()
                .setName("Gold plan").setDescription("Everything").addImage("https://shop.example/gold.png")
                .addMarketingFeature(ProductCreateParams.MarketingFeature.builder().setName("Priority support")
                        .build())
                .setUnitLabel("seat").setStatementDescriptor("GOLD PLAN").putMetadata("tier", "gold").build());

        assertThat(created.getId()).startsWith("prod_");
        assertThat(created.getActive()).isTrue();
        assertThat(created.getDefaultPrice()).isNull();
        assertThat(created.getImages()).containsExactly("https://shop.example/gold.png");
        assertThat(created.getMarketingFeatures()).extracting(Product.MarketingFeature::getName)
                .containsExactly("Priority support");
        assertThat(created.getUpdated()).isEqualTo(created.getCreated());
        assertThat(stripe.v1().products().retrieve(created.getId()).getName()).isEqualTo("Gold plan");

        Product updated = stripe.v1().products().update(created.getId(), ProductUpdateParams.builder()
                .setName("Gold").setActive(false).putMetadata("tier", "").build());
        assertThat(updated.getName()).isEqualTo("Gold");
        assertThat(updated.getActive()).isFalse();
        assertThat(updated.getMetadata()).isEmpty();

        Product deleted = stripe.v1().products().delete(created.getId());
        assertThat(deleted.getDeleted()).isTrue();
        assertThatThrownBy(() -> stripe.v1().products().retrieve(created.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getStripeError().getMessage())
                            .isEqualTo("No such product: '" + created.getId() + "'");
                });

        List<String> types = stripe.v1().events().list(EventListParams.builder().setType("product.*").build())
                .getData().stream().map(Event::getType).toList();
        assertThat(types).containsExactly("product.deleted", "product.updated", "product.created");
        Event update = stripe.v1().events().list(EventListParams.builder().setType("product.updated").build())
                .getData().getFirst();
        assertThat(update.getData().getPreviousAttributes()).containsEntry("name", "Gold plan")
                .containsEntry("active", true);
    }

    @Test
    void aDefaultPriceIsCreatedWithTheProductAndCannotBeArchivedWhileItIsTheDefault() throws Exception {
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Pro")
                .setDefaultPriceData(ProductCreateParams.DefaultPriceData.builder().setCurrency("eur")
                        .setUnitAmount(1500L).setRecurring(ProductCreateParams.DefaultPriceData.Recurring.builder()
                                .setInterval(ProductCreateParams.DefaultPriceData.Recurring.Interval.MONTH).build())
                        .build())
                .build());

        Price price = stripe.v1().prices().retrieve(product.getDefaultPrice());
        assertThat(price.getProduct()).isEqualTo(product.getId());
        assertThat(price.getUnitAmount()).isEqualTo(1500L);
        assertThat(price.getType()).isEqualTo("recurring");
        assertThat(price.getRecurring().getInterval()).isEqualTo("month");

        assertThatThrownBy(() -> stripe.v1().prices().update(price.getId(),
                PriceUpdateParams.builder().setActive(false).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getMessage())
                        .contains("This price cannot be archived because it is the default price of its product."));

        stripe.v1().products().update(product.getId(), ProductUpdateParams.builder()
                .setDefaultPrice(com.stripe.param.common.EmptyParam.EMPTY).build());
        assertThat(stripe.v1().prices().update(price.getId(), PriceUpdateParams.builder().setActive(false).build())
                .getActive()).isFalse();
        assertThatThrownBy(() -> stripe.v1().products().update(product.getId(), ProductUpdateParams.builder()
                .setDefaultPrice(price.getId()).build()))
                .as("an archived price is no default price")
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("default_price"));
    }

    @Test
    void aProductWithPricesCannotBeDeleted() throws Exception {
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Mug")
                .setDefaultPriceData(ProductCreateParams.DefaultPriceData.builder().setCurrency("usd")
                        .setUnitAmount(900L).build())
                .build());

        assertThatThrownBy(() -> stripe.v1().products().delete(product.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(400);
                    assertThat(error.getStripeError().getMessage()).isEqualTo(
                            "This product cannot be deleted because it has one or more user-created prices.");
                });
        assertThat(stripe.v1().products().retrieve(product.getId()).getDeleted()).isNull();
    }

    @Test
    void aProductCanHaveAnIdOfItsOwnOnce() throws Exception {
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setId("gold")
                .setName("Gold").build());
        assertThat(product.getId()).isEqualTo("gold");

        assertThatThrownBy(() -> stripe.v1().products().create(ProductCreateParams.builder().setId("gold")
                .setName("Gold again").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("resource_already_exists");
                    assertThat(error.getParam()).isEqualTo("id");
                });
    }

    @Test
    void refusesAProductWithoutAName() {
        var response = sandboxCall("POST", "/v1/products", "description=nameless", secretKey);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asString()).isEqualTo("parameter_missing");
        assertThat(json(response).at("/error/param").asString()).isEqualTo("name");
    }

    @Test
    void listsByActiveAndIdsAndSearchesByNameAndMetadata() throws Exception {
        Product mug = stripe.v1().products().create(ProductCreateParams.builder().setName("Coffee mug")
                .putMetadata("line", "kitchen").build());
        Product shirt = stripe.v1().products().create(ProductCreateParams.builder().setName("T-shirt")
                .setActive(false).setShippable(true).build());
        Product poster = stripe.v1().products().create(ProductCreateParams.builder().setName("Poster").build());

        assertThat(stripe.v1().products().list(ProductListParams.builder().setActive(true).build()).getData())
                .extracting(Product::getId).containsExactly(poster.getId(), mug.getId());
        assertThat(stripe.v1().products().list(ProductListParams.builder().addId(mug.getId()).addId(shirt.getId())
                .build()).getData()).extracting(Product::getId).containsExactly(shirt.getId(), mug.getId());
        assertThat(stripe.v1().products().list(ProductListParams.builder().setShippable(true).build()).getData())
                .extracting(Product::getId).containsExactly(shirt.getId());

        assertThat(stripe.v1().products().search(ProductSearchParams.builder().setQuery("name~'mug'").build())
                .getData()).extracting(Product::getId).containsExactly(mug.getId());
        assertThat(stripe.v1().products().search(ProductSearchParams.builder()
                .setQuery("active:'false' OR metadata['line']:'kitchen'").build()).getData())
                .extracting(Product::getId).containsExactly(shirt.getId(), mug.getId());
        assertThatThrownBy(() -> stripe.v1().products().search(ProductSearchParams.builder()
                .setQuery("email:'x@example.com'").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getMessage()).contains("unsupported search field"));
    }

    @Test
    void anotherAccountsProductIsMissing() throws Exception {
        Product mine = stripe.v1().products().create(ProductCreateParams.builder().setName("mine").build());
        newSandboxAccount();

        assertThatThrownBy(() -> stripe.v1().products().update(mine.getId(),
                ProductUpdateParams.builder().setName("theirs").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));
        assertThat(stripe.v1().products().list(ProductListParams.builder().build()).getData()).isEmpty();
    }
}
