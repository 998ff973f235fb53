/** Tests of the public Spring Boot integration types. */
package dev.retort.boot;
