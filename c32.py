# coding: xyz
