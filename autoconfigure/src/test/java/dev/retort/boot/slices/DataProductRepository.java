package dev.retort.boot.slices;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DataProductRepository extends JpaRepository<DataProduct, Long> {

    List<DataProduct> findByStatus(String status);
}
