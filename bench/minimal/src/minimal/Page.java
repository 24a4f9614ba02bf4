package minimal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

@Named
@RequestScoped
public class Page {
    @Inject
    Greetings greetings;

    public long getCount() {
        return greetings.count();
    }
}
