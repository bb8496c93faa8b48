package io.dynamoid.orm.associations;

import io.dynamoid.orm.BelongsTo;
import io.dynamoid.orm.HasMany;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How associations are declared: names, targets, options, and the mistakes refused. */
class DeclarationTest extends OrmTestBase {

    public static class Team extends Model<Team> {
        public final HasMany<Player> players = hasMany(Player.class).inverseOf("club");
    }

    public static class Firm extends Model<Firm> {
        public final HasMany<Address> offices = hasMany(Address.class).inverseOf("nowhere");
    }

    public static class Player extends Model<Player> {
        public final BelongsTo<Team> club = belongsTo(Team.class);
    }

    public static class Retired extends Model<Retired> {
        public BelongsTo<Team> formerClub;
    }

    public static class Unlinked extends Model<Unlinked> {
        public final HasMany<Address> addresses = hasMany(Address.class);
    }

    @Test
    void theNameIsTheFieldName() {
        assertEquals("addresses", new User().addresses.name());
        assertEquals(Address.class, new User().addresses.targetType());
    }

    @Test
    void anExplicitInverseIsUsed() {
        Player player = new Player();
        Team team = new Team();

        team.players.add(player);

        assertEquals(team.getId(), player.club.get().orElseThrow().getId());
    }

    @Test
    void anExplicitInverseThatDoesNotExistIsRefusedBeforeAnyWrite() {
        Firm firm = new Firm();

        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, firm::save);

        assertTrue(e.getMessage().contains("Firm.offices names inverse 'nowhere'"), e.getMessage());
        assertTrue(firm.isNewRecord());
    }

    @Test
    void anUninitializedAssociationFieldIsRefused() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> new Retired().save());

        assertTrue(e.getMessage().contains("formerClub"), e.getMessage());
    }

    @Test
    void withoutAnInverseOnlyTheOwnerIsWritten() {
        Unlinked owner = new Unlinked();
        Address address = new Address();

        owner.addresses.add(address);

        assertEquals(1, owner.addresses.count());
        assertTrue(address.reload().user.get().isEmpty());
    }
}
