package com.example.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

public class MapperFactory {

    public ObjectMapper legacy() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java-jackson-default-typing
        mapper.enableDefaultTyping();
        return mapper;
    }

    public ObjectMapper permissive() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java-jackson-default-typing
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }

    public ObjectMapper restricted() {
        BasicPolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("com.example.events.")
                .build();
        ObjectMapper mapper = new ObjectMapper();
        // ok: java-jackson-default-typing
        mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }
}
