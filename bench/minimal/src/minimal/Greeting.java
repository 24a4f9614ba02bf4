package minimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "minimal", name = "greeting")
public class Greeting {
    @Id
    long id;
    String text;
}
