/** A small JPA/JDBC/web service and Spring Boot's test slices and JPA validation against it. */
package dev.retort.boot.slices;
