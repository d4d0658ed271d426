package com.boxoffice.ui.signin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import com.boxoffice.core.staff.AccountLockedException;
import com.boxoffice.core.staff.SignInFailedException;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffRole;
import com.boxoffice.core.staff.StaffSession;
import com.boxoffice.ui.common.Activity;
import com.boxoffice.ui.common.Problems;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** Staff sign-in with an id and a PIN; the PIN check is slow on purpose, so it runs in the background. */
public class SignInViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final StaffDirectory staff;
    private final boolean managersOnly;
    private final Consumer<StaffSession> signedIn;
    private final Activity activity = new Activity();

    /**
     * @param managersOnly only managers may sign in (manager mode)
     * @param signedIn     told on the FX thread once someone has signed in
     */
    public SignInViewModel(StaffDirectory staff, boolean managersOnly, Consumer<StaffSession> signedIn) {
        this.staff = staff;
        this.managersOnly = managersOnly;
        this.signedIn = signedIn;
    }

    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public void signIn(String staffId, String pin) {
        if (staffId == null || staffId.isBlank() || pin == null || pin.isBlank()) {
            say("Type your staff id and PIN.");
            return;
        }
        say("");
        activity.run(() -> staff.signIn(staffId.trim(), pin), session -> {
            if (managersOnly && session.role() != StaffRole.MANAGER) {
                say("Manager mode is for managers. Sign in with a manager's id, or use the box office.");
                return;
            }
            if (session.role() == StaffRole.KIOSK) {
                say("The kiosk account only runs kiosks. Sign in with your own staff id.");
                return;
            }
            signedIn.accept(session);
        }, error -> say(switch (error) {
            case SignInFailedException e -> "That id and PIN do not match. Try again.";
            case AccountLockedException e -> "Too many wrong PINs. This account is locked until "
                    + TIME.format(e.unlocksAt().atZone(ZoneId.systemDefault())) + "; a manager can help meanwhile.";
            default -> Problems.describe(error);
        }));
    }

    private void say(String text) {
        activity.say(text, !text.isEmpty());
    }
}
