/**
 * What every module may use: problem details and the global error handling, and later money, ids and the clock.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.paydeck.shared;

import org.springframework.modulith.ApplicationModule;
