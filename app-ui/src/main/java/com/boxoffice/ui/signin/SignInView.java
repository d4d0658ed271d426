package com.boxoffice.ui.signin;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in card: staff id, PIN, Enter. */
public class SignInView {

    private final StackPane root = new StackPane();
    private final TextField id = new TextField();

    /** @param hint a line under the form (demo accounts), or null */
    public SignInView(SignInViewModel model, String title, String terminal, String hint) {
        Label heading = new Label(title);
        heading.getStyleClass().add("sign-in-title");
        Label where = new Label(terminal);
        where.getStyleClass().add("help");
        id.setId("staff-id");
        id.setPromptText("e.g. clerk");
        PasswordField pin = new PasswordField();
        pin.setId("staff-pin");
        pin.setPromptText("4 to 8 digits");
        Button signIn = new Button("Sign in  (Enter)");
        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(model.busyProperty());
        signIn.setOnAction(e -> {
            model.signIn(id.getText(), pin.getText());
            pin.clear();
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("sign-in-message");
        message.setWrapText(true);
        message.getStyleClass().add("problem");
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());

        GridPane form = new GridPane(10, 10);
        form.addRow(0, new Label("Staff id"), id);
        form.addRow(1, new Label("PIN"), pin);
        javafx.scene.layout.GridPane.setHgrow(id, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.GridPane.setHgrow(pin, javafx.scene.layout.Priority.ALWAYS);
        VBox card = new VBox(14, heading, where, form, new HBox(10, signIn, busy), message);
        HBox.setHgrow(signIn, javafx.scene.layout.Priority.ALWAYS);
        if (hint != null) {
            Label demo = new Label(hint);
            demo.setId("sign-in-hint");
            demo.getStyleClass().add("help");
            demo.setWrapText(true);
            card.getChildren().add(demo);
        }
        card.getStyleClass().add("sign-in-card");
        card.setPadding(new Insets(28));
        card.setMaxSize(440, javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("sign-in");
        StackPane.setAlignment(card, Pos.CENTER);
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor in the id field. */
    public void focus() {
        id.requestFocus();
    }
}
