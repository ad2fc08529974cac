# coding: ascii
x='é'
