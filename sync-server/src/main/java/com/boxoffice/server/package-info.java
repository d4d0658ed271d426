/** The central server: terminal sync, the public queue and the purchase API. */
package com.boxoffice.server;
