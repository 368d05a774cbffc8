package ir.payam.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EngineApplication {
  public static void main(String[] args) {
    // Checked before Spring starts: a start with development passwords it was not asked to use stops
    // at once, naming them, rather than after the engine has opened its database.
    try {
      AccessSettings.fromEnvironment(System.getenv());
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
    SpringApplication.run(EngineApplication.class, args);
  }
}
