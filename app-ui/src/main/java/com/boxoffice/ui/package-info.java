/** The JavaFX client: box-office, kiosk and manager modes on the in-process core. */
package com.boxoffice.ui;
