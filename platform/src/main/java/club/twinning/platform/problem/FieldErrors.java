package club.twinning.platform.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every wrong field of one input, so the caller hears of all of them in one 400, not one per try. */
public final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public FieldErrors addIf(boolean wrong, String field, String message) {
        return wrong ? add(field, message) : this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Problem.FieldError> list() {
        return List.copyOf(errors);
    }

    /** A 400 of type {@code slug} listing every field collected; nothing when none was. */
    public void throwIfAny(String slug, String title) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, slug, title, errors.size() + " field(s) to correct", list());
        }
    }
}
