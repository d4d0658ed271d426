package com.boxoffice.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays headless: no UI toolkit, no web layer, and nothing from the modules built on it. */
@AnalyzeClasses(packages = "com.boxoffice.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNothingOfUiOrHttp = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "org.springframework.web..", "jakarta.servlet..",
                    "com.boxoffice.ui..", "com.boxoffice.server..");
}
