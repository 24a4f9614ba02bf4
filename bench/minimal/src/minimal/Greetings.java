package minimal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@Stateless
public class Greetings {
    @PersistenceContext
    EntityManager em;

    public long count() {
        return em.createQuery("select count(g) from Greeting g", Long.class).getSingleResult();
    }
}
