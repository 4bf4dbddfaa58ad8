package io.bikecast.testsupport;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = IsolationChecks.Config.class)
@RealInfrastructure
class FirstIsolatedClassTest extends IsolationChecks {}
