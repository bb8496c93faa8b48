package io.dynamoid.orm.criteria;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.GlobalIndex;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.LocalIndex;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.Projection;
import io.dynamoid.orm.RangeKey;

import java.time.Instant;
import java.util.Set;

/** A model with every kind of key schema the planner chooses from. */
@LocalIndex(rangeKey = "score", name = "by_score", projection = Projection.ALL)
@LocalIndex(rangeKey = "title", name = "by_title", projection = Projection.KEYS_ONLY)
@GlobalIndex(hashKey = "city", rangeKey = "score", name = "by_city", projection = Projection.ALL)
@GlobalIndex(hashKey = "category", name = "by_category", projection = Projection.INCLUDE, projectedAttributes = "title")
public class Post extends Model<Post> {
    public static final Finder<Post> find = Finder.of(Post.class);

    public enum Status { DRAFT, PUBLISHED }

    @HashKey
    public String author;
    @RangeKey
    public Instant postedAt;
    public String title;
    public String city;
    public String category;
    public int score;
    public Status status;
    public Set<String> tags;
    public String note;

    static Post create(String author, int day, String city, String category, int score, Status status, Set<String> tags) {
        return find.create(p -> {
            p.author = author;
            p.postedAt = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day);
            p.title = author + " day " + day;
            p.city = city;
            p.category = category;
            p.score = score;
            p.status = status;
            p.tags = tags;
        });
    }
}
