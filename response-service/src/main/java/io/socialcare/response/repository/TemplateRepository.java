package io.socialcare.response.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.socialcare.response.Template;

/**
 * Reply templates per brand.
 */
@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<Template, String> {
}
